package io.hingekit.serve;

/** A request the server refuses: the status code (4xx) and a message naming the problem, sent as JSON. */
final class HttpError extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;

    HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    /** Returns the HTTP status code. */
    int status() {
        return status;
    }
}
