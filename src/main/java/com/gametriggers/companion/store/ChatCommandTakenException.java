package com.gametriggers.companion.store;

/** Another of the streamer's participations already answers to this chat command. */
public class ChatCommandTakenException extends RuntimeException {

    private final String chatCommand;

    public ChatCommandTakenException(String chatCommand, Throwable cause) {
        super("The chat command " + chatCommand + " is already used by another of your campaigns.", cause);
        this.chatCommand = chatCommand;
    }

    public String chatCommand() {
        return chatCommand;
    }
}
