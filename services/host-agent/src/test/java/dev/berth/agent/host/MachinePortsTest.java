package dev.berth.agent.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.agent.protocol.AgentMessage;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ports this machine's kernel lists as bound, read as the agent reports them. */
class MachinePortsTest {

    @Test
    void listeningTcpAndBoundUdpSocketsOfThisMachineAreReportedButNotConnectionsOrTheAgentsOwn() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             ServerSocket own = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             Socket client = new Socket(InetAddress.getLoopbackAddress(), listening.getLocalPort())) {
            AgentMessage.BoundPorts bound = MachinePorts.ofThisMachine().read(Set.of(own.getLocalPort()), Set.of());
            assertTrue(bound.tcp().contains(listening.getLocalPort()), "listening: " + bound.tcp());
            assertTrue(bound.udp().contains(udp.getLocalPort()), "bound udp: " + bound.udp());
            assertFalse(bound.tcp().contains(own.getLocalPort()), "the agent's own task ports are left out");
            assertFalse(bound.tcp().contains(client.getLocalPort()), "a connection's local port is not a listener");
        }
    }

    @Test
    void linesOfProcNetAreReadByStateAndHexPort() {
        List<String> tcp = List.of(
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1",
                "   1: 0100007F:C001 0100007F:1F90 01 00000000:00000000 00:00000000 00000000     0        0 2 1");
        assertEquals(Set.of(8080), MachinePorts.ports(tcp, "0A"));
        List<String> tcp6 = List.of(
                "   0: 00000000000000000000000000000000:3C3A 00000000000000000000000000000000:0000 0A 0:0 0:0 0 0 0 3 1");
        assertEquals(Set.of(15418), MachinePorts.ports(tcp6, "0A"));
    }
}
