package com.gametriggers.companion.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import com.gametriggers.companion.store.ConnectionCode;
import com.gametriggers.companion.ui.PlatformConnection.Refused;

/**
 * Connecting with codes made on a real MongoDB 8 replica set with authentication (.ci/mongodb-replica-set, in the
 * MongoDB workflow, which fails when this test was skipped): the code the setup script's {@code companionStreamer}
 * printed connects, a user with the built-in read role hears each privilege it lacks, a wrong password is named.
 */
@EnabledIfEnvironmentVariable(named = "GAMETRIGGERS_CONNECT_CODE", matches = ".+",
        disabledReason = "needs the replica set .ci/mongodb-replica-set makes (the MongoDB workflow)")
class ConnectToReplicaSetTest {

    private static final String STREAMER = "64b7f0c2a1e4d3b2c1a09f8e";

    @TempDir
    Path dataDir;

    private PlatformConnector connector() {
        return new PlatformConnector(new PlatformAccountFile(dataDir), dataDir, Optional.empty(), false, next -> "");
    }

    @Test
    void theCodeTheSetupScriptPrintedConnectsAsTheStreamersOwnUser() throws Exception {
        String said = connector().connect(System.getenv("GAMETRIGGERS_CONNECT_CODE"));

        assertThat(said).startsWith("Connected as CI streamer: ").contains("streamer-" + STREAMER + ":****@");
    }

    @Test
    void aUserThatMayOnlyReadHearsEachPrivilegeItLacks() {
        assertThatThrownBy(() -> connector().connect(System.getenv("GAMETRIGGERS_READ_ONLY_CODE")))
                .isInstanceOf(Refused.class)
                .hasMessageStartingWith("The MongoDB user reader-ci@gametriggers lacks insert on campaignparticipations, "
                        + "update on campaignparticipations, insert on participationdailystats")
                .hasMessageContaining("remove on participationquarterhours")
                .hasMessageNotContaining("find on")
                .hasMessageEndingWith("give it the gametriggersCompanion role (gametriggers-companion "
                        + "--print-mongodb-setup).");
    }

    @Test
    void aWrongPasswordIsNamed() {
        ConnectionCode good = ConnectionCode.parse(System.getenv("GAMETRIGGERS_CONNECT_CODE"));
        ConnectionCode wrong = new ConnectionCode(good.mongoUri().replaceFirst(":[0-9a-f]{48}@", ":not-the-password@"),
                good.userId(), good.displayName());

        assertThatThrownBy(() -> connector().connect(wrong.toUrl())).isInstanceOf(Refused.class)
                .hasMessageEndingWith("refused the user name or password in the URI.")
                .hasMessageNotContaining("not-the-password");
    }
}
