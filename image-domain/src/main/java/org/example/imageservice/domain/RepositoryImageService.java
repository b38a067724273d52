package org.example.imageservice.domain;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** The image service's rules, applied over an {@link ImageRepository}. */
public final class RepositoryImageService implements ImageService {
  private final ImageRepository repository;
  private final Clock clock;

  public RepositoryImageService(ImageRepository repository) {
    this(repository, Clock.systemUTC());
  }

  public RepositoryImageService(ImageRepository repository, Clock clock) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Image create(ImageFormat format, Resolution resolution) {
    requireDetails(format, resolution);
    return repository.insertWithNextId(
        id -> Image.created(id, format, resolution, clock.instant()));
  }

  @Override
  public Image create(long id, ImageFormat format, Resolution resolution) {
    requireDetails(format, resolution);
    Image image = Image.created(id, format, resolution, clock.instant());
    repository.insert(image);
    return image;
  }

  @Override
  public Optional<Image> find(long id) {
    return repository.find(id);
  }

  @Override
  public ImagePage list(ImageQuery query) {
    return repository.page(Objects.requireNonNull(query, "query"));
  }

  @Override
  public StatusChange changeStatus(long id, ImageStatus target) {
    Objects.requireNonNull(target, "target");
    return repository.update(
        id,
        current -> {
          if (current.status() == target) {
            return current;
          }
          if (!current.status().canMoveTo(target)) {
            throw new IllegalStatusTransitionException(id, current.status(), target);
          }
          return current.withStatus(target, clock.instant());
        });
  }

  @Override
  public StatusCounts counts() {
    return repository.counts();
  }

  private static void requireDetails(ImageFormat format, Resolution resolution) {
    if (format == null) {
      ImageFormat.parse(null);
    }
    if (resolution == null) {
      Resolution.parse(null);
    }
  }
}
