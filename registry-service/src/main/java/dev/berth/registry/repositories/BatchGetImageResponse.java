package dev.berth.registry.repositories;

import java.util.List;

/** BatchGetImage's answer: the images found, and why each other one was not answered. */
public record BatchGetImageResponse(List<Image> images, List<ImageFailure> failures) {
}
