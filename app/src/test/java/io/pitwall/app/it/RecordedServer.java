package io.pitwall.app.it;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A server of recorded answers on 127.0.0.1 (MockWebServer): what a subclass answers, and the
 * requests it could not answer ({@link #unanswered()}), for the test to say.
 */
abstract class RecordedServer implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final List<String> unanswered = new CopyOnWriteArrayList<>();

    /** Starts answering; call it last in the subclass's constructor. */
    protected final void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    }

    protected abstract MockResponse answer(RecordedRequest request);

    /** Notes a request not answered as asked. */
    protected final void unanswered(String what) {
        unanswered.add(what);
    }

    final String url() {
        return server.url("/").toString();
    }

    /** The requests answered with an error. */
    final List<String> unanswered() {
        return unanswered;
    }

    @Override
    public void close() {
        server.close();
    }
}
