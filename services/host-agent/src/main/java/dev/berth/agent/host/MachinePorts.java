package dev.berth.agent.host;

import dev.berth.agent.protocol.AgentMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ports processes on this machine listen on, as the kernel lists them in /proc/net: TCP
 * sockets in LISTEN, UDP sockets bound and not connected, over IPv4 and IPv6. Two agents on one
 * machine see each other's task ports here; the scheduler never gives those out.
 */
public final class MachinePorts {

    private static final String TCP_LISTEN = "0A";
    private static final String UDP_UNCONNECTED = "07";

    private final Path procNet;

    public MachinePorts(Path procNet) {
        this.procNet = procNet;
    }

    public static MachinePorts ofThisMachine() {
        return new MachinePorts(Path.of("/proc/net"));
    }

    /** The bound ports less {@code ownTcp} / {@code ownUdp} (the agent's own tasks' ports), at most BoundPorts.LIMIT of each. */
    public AgentMessage.BoundPorts read(Set<Integer> ownTcp, Set<Integer> ownUdp) {
        Set<Integer> tcp = new TreeSet<>();
        Set<Integer> udp = new TreeSet<>();
        for (String file : List.of("tcp", "tcp6")) {
            tcp.addAll(ports(lines(file), TCP_LISTEN));
        }
        for (String file : List.of("udp", "udp6")) {
            udp.addAll(ports(lines(file), UDP_UNCONNECTED));
        }
        tcp.removeAll(ownTcp);
        udp.removeAll(ownUdp);
        return new AgentMessage.BoundPorts(tcp.stream().limit(AgentMessage.BoundPorts.LIMIT).toList(),
                udp.stream().limit(AgentMessage.BoundPorts.LIMIT).toList());
    }

    /**
     * Local ports of the sockets in {@code state} in the lines of a /proc/net/{tcp,udp}[6] file:
     * {@code sl local_address rem_address st ...}, addresses as HEXADDR:HEXPORT.
     */
    static Set<Integer> ports(List<String> lines, String state) {
        Set<Integer> ports = new TreeSet<>();
        for (String line : lines) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 4 || !fields[3].equals(state)) {
                continue;
            }
            int colon = fields[1].lastIndexOf(':');
            if (colon < 0) {
                continue;
            }
            try {
                int port = Integer.parseInt(fields[1].substring(colon + 1), 16);
                if (port > 0) {
                    ports.add(port);
                }
            } catch (NumberFormatException e) {
                // the header line, or a format this reader does not know
            }
        }
        return ports;
    }

    private List<String> lines(String file) {
        try {
            return Files.readAllLines(procNet.resolve(file));
        } catch (IOException e) {
            return List.of(); // no IPv6, or not Linux
        }
    }
}
