package com.realsim.card.api;

import com.realsim.approval.ApprovedException;
import com.realsim.card.BlockingReason;
import com.realsim.card.BlockingReasonView;
import com.realsim.card.CardListing;
import com.realsim.card.CardState;
import com.realsim.card.CardSummary;
import com.realsim.card.CardView;
import com.realsim.card.EndUserPhoto;
import com.realsim.card.EndUserStatus;
import com.realsim.card.EndUserView;
import com.realsim.catalogue.Operator;
import com.realsim.identity.IdType;
import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The card as the Partner API answers it (masked end user, real-name judged on the facts as they stand). */
@Component
@RequiredArgsConstructor
class CardAnswers {

    private final MessageSource messages;

    record BlockingReasonResponse(String code, Instant since, String clearedBy, String clearedByText) {}

    /** The approved exception of the card; {@code waivesEndUser} when its kind is the one the requirement allows. */
    record ApprovedExceptionResponse(
            long id, String kind, String approvedBy, Instant approvedAt, boolean waivesEndUser) {}

    record RealNameResponse(
            String requirement,
            boolean endUserRequired,
            String exceptionKind,
            boolean satisfied,
            List<String> missing,
            ApprovedExceptionResponse approvedException) {}

    /** Masked: {@code name} {@code 王*明}, {@code idNumber} {@code 110101********1234}, address up to the city. */
    record EndUserResponse(
            String name,
            IdType idType,
            String idNumber,
            String idAddress,
            EndUserStatus status,
            Long verificationCaseId,
            List<EndUserPhoto> missingPhotos,
            Instant boundAt) {

        static EndUserResponse of(EndUserView endUser) {
            return endUser == null
                    ? null
                    : new EndUserResponse(
                            endUser.name(),
                            endUser.idType(),
                            endUser.idNumber(),
                            endUser.idAddress(),
                            endUser.status(),
                            endUser.verificationCaseId(),
                            endUser.awaitsPhotos() ? endUser.missingPhotos() : List.of(),
                            endUser.boundAt());
        }
    }

    record CardResponse(
            String iccid,
            String msisdn,
            Operator operator,
            String planCode,
            CardState state,
            Long agentId,
            Long enterpriseId,
            List<BlockingReasonResponse> blockingReasons,
            RealNameResponse realName,
            EndUserResponse endUser,
            Instant activatedAt,
            Instant lastUsageAt) {}

    record CardListItem(
            String iccid,
            String msisdn,
            Operator operator,
            String planCode,
            CardState state,
            Long agentId,
            Long enterpriseId,
            String enterpriseName,
            List<BlockingReason> blockingReasons,
            boolean realNameComplete,
            Instant createdAt) {

        static CardListItem of(CardListing row) {
            CardSummary card = row.card();
            return new CardListItem(
                    card.iccid(),
                    card.msisdn(),
                    card.operator(),
                    card.planCode(),
                    card.state(),
                    card.agentId(),
                    card.enterpriseId(),
                    row.enterpriseName(),
                    row.blockingReasons(),
                    row.realNameComplete(),
                    card.createdAt());
        }
    }

    CardResponse card(CardView card) {
        ApprovedException exception = card.approvedException();
        return new CardResponse(
                card.iccid(),
                card.msisdn(),
                card.operator(),
                card.plan().code(),
                card.state(),
                card.agentId(),
                card.enterpriseId(),
                card.activeReasons().stream().map(this::reason).toList(),
                new RealNameResponse(
                        card.realName().requirement().code(),
                        card.realName().requirement().endUserRequired(),
                        card.realName().requirement().exceptionKind().name(),
                        card.realName().satisfied(),
                        card.realName().missingCodes(),
                        exception == null
                                ? null
                                : new ApprovedExceptionResponse(
                                        exception.exceptionId(),
                                        exception.kind().name(),
                                        exception.approvedBy(),
                                        exception.approvedAt(),
                                        card.waivedByException())),
                EndUserResponse.of(card.endUser()),
                card.activatedAt(),
                card.lastUsageAt());
    }

    private BlockingReasonResponse reason(BlockingReasonView reason) {
        return new BlockingReasonResponse(
                reason.reason().name(),
                reason.since(),
                reason.clearedByEvent().name(),
                messages.getMessage(
                        reason.clearedByEvent().messageKey(),
                        null,
                        reason.clearedByEvent().name(),
                        LocaleContextHolder.getLocale()));
    }
}
