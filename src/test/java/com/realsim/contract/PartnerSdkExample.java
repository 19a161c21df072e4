package com.realsim.contract;

import io.realsim.sdk.ApiClient;
import io.realsim.sdk.api.CardsApi;
import io.realsim.sdk.api.EndUsersApi;
import io.realsim.sdk.model.CardListItem;
import io.realsim.sdk.model.CardResponse;
import io.realsim.sdk.model.EndUserRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The README's example of the partner SDK (docs/sdk.md), compiled with the tests and run by the contract walk
 * ({@link PartnerSdkWalk}): a token with client credentials, the caller's cards, an end user bound to one of them.
 * {@link PartnerSdkReadmeTest} checks that the README shows exactly the lines between the {@code tag}/{@code end}
 * comments.
 */
final class PartnerSdkExample {

    private PartnerSdkExample() {}

    static CardResponse bindEndUser(
            String baseUrl, String clientId, String clientSecret, String iccid, String idNumber) {
        // tag::example[]
        // 1. a token with the client credentials the administrator issued (HTTP Basic, grant_type=client_credentials)
        Map<?, ?> token = RestClient.create(baseUrl)
                .post()
                .uri("/oauth2/token")
                .headers(headers -> headers.setBasicAuth(clientId, clientSecret))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("grant_type=client_credentials")
                .retrieve()
                .body(Map.class);
        ApiClient api = new ApiClient();
        api.setBasePath(baseUrl);
        api.setAccessToken((String) token.get("access_token"));

        // 2. the cards the client may see, 50 at a time (the next page: .cursor(page.getNextCursor()))
        List<CardListItem> cards = new CardsApi(api)
                .listCards(new CardsApi.ListCardsRequest().size(50))
                .getItems();

        // 3. the end user of one of them: answered masked, the ID number sealed at rest
        CardResponse card = new EndUsersApi(api)
                .bindEndUser(
                        iccid,
                        new EndUserRequest()
                                .name("王小明")
                                .idType(EndUserRequest.IdTypeEnum.RESIDENT_ID)
                                .idNumber(idNumber)
                                .idAddress("北京市东城区东长安街 1 号"));
        // end::example[]
        if (cards.stream().noneMatch(listed -> listed.getIccid().equals(iccid))) {
            throw new AssertionError(iccid + " is not among the client's cards " + cards);
        }
        return card;
    }
}
