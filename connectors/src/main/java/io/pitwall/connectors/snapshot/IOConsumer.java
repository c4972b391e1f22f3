package io.pitwall.connectors.snapshot;

import java.io.IOException;

/** Something that uses a value and may fail with an {@link IOException}, e.g. writes into a stream. */
@FunctionalInterface
public interface IOConsumer<T> {

    void accept(T value) throws IOException;
}
