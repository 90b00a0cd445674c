package com.gametriggers.companion.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ChatCommandNamesTest {

    @Test
    void aCommandIsTheBrandsFirstWord() {
        assertThat(ChatCommandNames.generate("Nike", List.of())).isEqualTo("!nike");
        assertThat(ChatCommandNames.generate("Nova Energy", List.of())).isEqualTo("!nova");
        assertThat(ChatCommandNames.generate("Café Noir", List.of())).isEqualTo("!cafe");
        assertThat(ChatCommandNames.generate("X-Box 360", List.of())).isEqualTo("!xbox360");
    }

    @Test
    void aCollisionGetsAReadableVariant() {
        assertThat(ChatCommandNames.generate("Nova Energy", List.of("!NOVA"))).isEqualTo("!novaenergy");
        assertThat(ChatCommandNames.generate("Nova Energy", List.of("!nova", "!novaenergy"))).isEqualTo("!nova2");
        assertThat(ChatCommandNames.generate("Nova", List.of("!nova", "!nova2"))).isEqualTo("!nova3");
    }

    @Test
    void brandsWithoutUsableLettersStillGetAValidCommand() {
        String command = ChatCommandNames.generate("!!!", List.of());

        assertThat(command).isEqualTo("!sponsor");
        assertThat(ChatCommandNames.problem(command, List.of())).isEmpty();
        // "!a" is too short, so the whole brand, cut to 25 characters
        assertThat(ChatCommandNames.generate("A very long brand name that goes on and on", List.of()))
                .isEqualTo("!averylongbrandnamethatgoe");
    }

    @Test
    void everyGeneratedCommandIsValid() {
        for (String brand : List.of("Nova Energy", "Pixel Peak", "Quantum Cola", "Ω", "9", "ab", "Über Drinks")) {
            assertThat(ChatCommandNames.problem(ChatCommandNames.generate(brand, List.of()), List.of()))
                    .as(brand).isEmpty();
        }
    }

    @Test
    void anEditedCommandIsCheckedWithAReadableReason() {
        assertThat(ChatCommandNames.problem("", List.of())).contains("Enter a chat command, such as !nova.");
        assertThat(ChatCommandNames.problem("nova", List.of())).contains("A chat command starts with ! (for example !nova).");
        assertThat(ChatCommandNames.problem("!no va", List.of())).get().asString().contains("without spaces");
        assertThat(ChatCommandNames.problem("!n", List.of())).get().asString().contains("2 to 25");
        assertThat(ChatCommandNames.problem("!Nova", List.of("!nova"))).contains("!nova is already used by another of your campaigns.");
        assertThat(ChatCommandNames.problem("!Nova_2", List.of("!nova"))).isEmpty();
    }
}
