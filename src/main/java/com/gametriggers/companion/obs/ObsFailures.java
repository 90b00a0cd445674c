package com.gametriggers.companion.obs;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

import com.gametriggers.companion.obs.ObsException.Reason;

import okhttp3.Response;

/**
 * Every way a conversation with OBS can end badly, as the sentence a streamer reads. Kept in one place so the
 * wording stays consistent and points at the same OBS menu every time.
 */
final class ObsFailures {

    static final String SERVER_SETTINGS = "Tools -> WebSocket Server Settings";
    static final String NO_BROWSER_SOURCE =
            "This OBS has no Browser Source: install OBS from obsproject.com or Flathub.";

    /** obs-websocket's {@code WebSocketCloseCode}s that need their own sentence. */
    static final int AUTHENTICATION_FAILED = 4009;
    static final int UNSUPPORTED_RPC_VERSION = 4010;
    static final int SESSION_INVALIDATED = 4011;

    private ObsFailures() {
    }

    static ObsException notReachable(String endpoint, Throwable cause) {
        return new ObsException(Reason.NOT_REACHABLE, "OBS is not running or its WebSocket server is off ("
                + SERVER_SETTINGS + "): nothing answers on " + endpoint + ".", cause);
    }

    static ObsException unknownHost(String host, Throwable cause) {
        return new ObsException(Reason.NOT_REACHABLE, "The OBS address \"" + host
                + "\" is not known on this network: check the host in the app's OBS settings.", cause);
    }

    static ObsException notObs(String endpoint, int httpCode) {
        return new ObsException(Reason.NOT_OBS, "Something other than OBS's WebSocket server answers on " + endpoint
                + " (HTTP " + httpCode + "): check the port in OBS under " + SERVER_SETTINGS + ".");
    }

    static ObsException passwordRequired() {
        return new ObsException(Reason.PASSWORD_REQUIRED, "OBS asks for a WebSocket password and none is set: copy it"
                + " from OBS (" + SERVER_SETTINGS + " -> Show Connect Info) into the app's OBS settings.");
    }

    static ObsException handshakeTimeout(String endpoint, Duration timeout) {
        return new ObsException(Reason.TIMEOUT, "Something answers on " + endpoint + " but did not complete OBS's"
                + " WebSocket handshake within " + seconds(timeout) + ": is it OBS 28 or newer?");
    }

    static ObsException noAnswer(String requestType, Duration timeout) {
        return new ObsException(Reason.TIMEOUT, "OBS did not answer within " + seconds(timeout) + " (" + requestType
                + "): it may be busy; try again.");
    }

    static ObsException requestFailed(String requestType, int code, String comment) {
        String said = comment == null ? "" : trimStop(comment.strip());
        return new ObsException(Reason.REQUEST_FAILED, "OBS refused " + requestType + ": " + explained(said, code),
                code, said, null);
    }

    /**
     * OBS does not know the input kind {@code browser_source}: builds without obs-browser (Debian's and Ubuntu's own
     * obs-studio packages) have no Browser Source at all, and nothing in OBS's settings adds one.
     */
    static ObsException noBrowserSource(ObsException refusal) {
        return new ObsException(Reason.REQUEST_FAILED, NO_BROWSER_SOURCE, refusal.statusCode(), refusal.obsComment(),
                refusal);
    }

    /** OBS's comment and code as the end of a sentence. */
    static String explained(String obsComment, int code) {
        return (obsComment.isEmpty() ? "no reason given" : obsComment) + " (code " + code + ").";
    }

    static ObsException closedByApp() {
        return new ObsException(Reason.CONNECTION_LOST, "The connection to OBS was closed.");
    }

    static ObsException interrupted() {
        return new ObsException(Reason.INTERRUPTED, "Stopped waiting for OBS.");
    }

    /** The connection ended while a request waited: the request fails with why, whatever the reason was. */
    static ObsException lostDuring(String requestType, ObsException why) {
        return new ObsException(Reason.CONNECTION_LOST, "The connection to OBS ended before it answered ("
                + requestType + "): " + lowerFirst(why.getMessage()), why);
    }

    /** OBS sent a close frame. */
    static ObsException closedByObs(int code, String reason) {
        return switch (code) {
            case AUTHENTICATION_FAILED -> new ObsException(Reason.WRONG_PASSWORD, "OBS refused the WebSocket password:"
                    + " copy it again from OBS (" + SERVER_SETTINGS + " -> Show Connect Info).");
            case UNSUPPORTED_RPC_VERSION -> new ObsException(Reason.UNSUPPORTED_VERSION, "This OBS speaks another"
                    + " version of the WebSocket protocol: update OBS to version 28 or newer.");
            case SESSION_INVALIDATED -> new ObsException(Reason.CONNECTION_LOST,
                    "OBS ended the connection from its list of WebSocket sessions.");
            default -> new ObsException(Reason.CONNECTION_LOST, "OBS closed the connection (code " + code
                    + (reason == null || reason.isBlank() ? "" : ": " + trimStop(reason.strip())) + ").");
        };
    }

    /** The socket failed: before it opened (nothing there, not OBS) or after (OBS quit, network gone). */
    static ObsException failed(String endpoint, String host, Throwable cause, Response response, boolean opened) {
        if (!opened && response != null) {
            return notObs(endpoint, response.code());
        }
        if (cause instanceof UnknownHostException) {
            return unknownHost(host, cause);
        }
        if (!opened && (cause instanceof ConnectException || cause instanceof NoRouteToHostException)) {
            return notReachable(endpoint, cause);
        }
        if (!opened && cause instanceof SocketTimeoutException) {
            return new ObsException(Reason.TIMEOUT, "Nothing answered on " + endpoint + " in time: check that OBS"
                    + " runs on that computer and that no firewall is in the way.", cause);
        }
        if (cause instanceof EOFException) {
            return new ObsException(Reason.CONNECTION_LOST, "OBS dropped the connection without closing it: did OBS"
                    + " quit or crash?", cause);
        }
        return new ObsException(Reason.CONNECTION_LOST, "The connection to OBS on " + endpoint + " broke ("
                + cause.getClass().getSimpleName() + "): did OBS quit?", cause);
    }

    private static String seconds(Duration timeout) {
        long millis = timeout.toMillis();
        if (millis % 1000 == 0) {
            return millis / 1000 + (millis == 1000 ? " second" : " seconds");
        }
        return millis + " ms";
    }

    private static String trimStop(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static String lowerFirst(String sentence) {
        if (sentence.length() > 1 && Character.isUpperCase(sentence.charAt(0))
                && !Character.isUpperCase(sentence.charAt(1))) {
            return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
        }
        return sentence;
    }
}
