package com.realsim.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.platform.Labelled;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** Codes with labels reach a person as their labels, lists joined the language's way, also after being stored. */
class MessageArgumentsTest {

    enum Colour implements Labelled {
        RED,
        GREEN;

        @Override
        public String messageKey() {
            return "colour." + name();
        }
    }

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    final StaticMessageSource messages = new StaticMessageSource();

    {
        messages.addMessage("colour.RED", Locale.ENGLISH, "Red");
        messages.addMessage("colour.GREEN", Locale.ENGLISH, "Green");
        messages.addMessage("colour.RED", ZH, "红色");
        messages.addMessage("colour.GREEN", ZH, "绿色");
        messages.addMessage(MessageArguments.LIST_KEY, Locale.ENGLISH, "{0}, {1}");
        messages.addMessage(MessageArguments.LIST_KEY, ZH, "{0}、{1}");
        messages.addMessage("card.is", Locale.ENGLISH, "Card {0} is {1}; it needs one of: {2}.");
        messages.addMessage("card.is", ZH, "卡 {0} 的状态为“{1}”；需要以下之一：{2}。");
    }

    String text(Locale locale, Object... arguments) {
        return messages.getMessage("card.is", MessageArguments.readable(arguments), locale);
    }

    @Test
    void aLabelledCodeAndAListOfThemReadAsLabelsInTheReadersLanguage() {
        List<Colour> allowed = List.of(Colour.GREEN, Colour.RED);
        assertThat(text(Locale.ENGLISH, "8986", Colour.RED, allowed))
                .isEqualTo("Card 8986 is Red; it needs one of: Green, Red.");
        assertThat(text(ZH, "8986", Colour.RED, allowed)).isEqualTo("卡 8986 的状态为“红色”；需要以下之一：绿色、红色。");
        assertThat(text(ZH, "8986", Colour.RED, List.of(Colour.GREEN))).endsWith("需要以下之一：绿色。");
        assertThat(text(ZH, "8986", Colour.RED, List.of())).endsWith("需要以下之一：。");
    }

    @Test
    void aDomainExceptionAndAFieldProblemCarryReadableArguments() {
        DomainException refusal = new DomainException(
                ErrorCode.ILLEGAL_STATE_TRANSITION, "card.is", "8986", Colour.GREEN, Colour.values());
        assertThat(messages.getMessage(refusal.messageKey(), refusal.messageArguments(), Locale.ENGLISH))
                .isEqualTo("Card 8986 is Green; it needs one of: Red, Green.");
        FieldProblem problem = new FieldProblem("state", ErrorCode.VALIDATION_FAILED, "card.is", "1", Colour.RED, "x");
        assertThat(messages.getMessage(problem.messageKey(), problem.arguments(), ZH))
                .isEqualTo("卡 1 的状态为“红色”；需要以下之一：x。");
        assertThat(messages.getMessage(
                        problem.under("card").messageKey(),
                        problem.under("card").arguments(),
                        ZH))
                .isEqualTo("卡 1 的状态为“红色”；需要以下之一：x。");
    }

    @Test
    void aCodeWithoutALabelReadsAsTheCodeRatherThanFailing() {
        assertThat(messages.getMessage(
                        "card.is",
                        new Object[] {"1", MessageArguments.label("colour.BLUE", "BLUE"), "x"},
                        Locale.ENGLISH))
                .isEqualTo("Card 1 is BLUE; it needs one of: x.");
    }

    @Test
    void storedArgumentsReadBackWithTheirLabelsAndPlainTextStaysText() {
        List<String> stored =
                MessageArguments.stored("8986", Colour.RED, List.of(Colour.GREEN, Colour.RED), "\u0001odd text");
        assertThat(String.join("", stored)).doesNotContain("Red").doesNotContain("红色");
        Object[] read = MessageArguments.fromStored(stored);
        assertThat(messages.getMessage("card.is", new Object[] {read[0], read[1], read[2]}, ZH))
                .isEqualTo("卡 8986 的状态为“红色”；需要以下之一：绿色、红色。");
        assertThat(read[3]).isEqualTo("\u0001odd text");
        assertThat(MessageArguments.fromStored(List.of("ACTIVE", "reason from before")))
                .containsExactly("ACTIVE", "reason from before");
    }
}
