using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Contracts.ProviderDirectory;
using Referrals.ProviderDirectory.Http;
using Referrals.ProviderDirectory.ProviderServices;
using Referrals.ServiceDefaults.Http;
using Referrals.ServiceDefaults.Security;

namespace Referrals.ProviderDirectory.Offers;

public sealed record DeclineInput(string? Reason, string? Text);

/// <summary>
/// POST /api/providers/offers/{offerId}/decline: the provider says no, with a reason; the referral moves on. Only staff
/// of the provider the offer was made to; another provider's offer is not found.
/// </summary>
public static class DeclineOffer
{
    public static RouteGroupBuilder MapDeclineOffer(this RouteGroupBuilder group)
    {
        group.MapPost("/offers/{offerId:guid}/decline", HandleAsync).RequireAuthorization(Roles.ProviderStaff);
        return group;
    }

    public static async Task<Results<Ok<OfferView>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid offerId, HttpContext http, DecideOffer decisions, IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        var (input, errors) = await JsonBody.ReadAsync<DeclineInput>(http.Request, cancellationToken);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (input!.Reason is not { Length: > 0 } text || char.IsAsciiDigit(text[0])
            || !Enum.TryParse<DeclineReason>(text, ignoreCase: false, out var reason) || !Enum.IsDefined(reason))
        {
            return TypedResults.ValidationProblem(JsonBody.Error("reason",
                "Must be one of NoCapacity, NotEligible, MissingDocuments, OutOfServiceArea, ClientRefused, Other."));
        }

        if (input.Text is { Length: > 1000 })
        {
            return TypedResults.ValidationProblem(JsonBody.Error("text", "At most 1000 characters."));
        }

        if (reason == DeclineReason.Other && string.IsNullOrWhiteSpace(input.Text))
        {
            return TypedResults.ValidationProblem(JsonBody.Error("text", "Required when the reason is Other."));
        }

        var actor = http.User.Actor();
        var (result, offer) = await decisions.DecideAsync(
            offerId, actor.ProviderId ?? "", (s, now) => s.Decline(offerId, reason, input.Text, actor.Id, now), (reason.ToString(), input.Text), publisher, cancellationToken);

        return result switch
        {
            null => Errors.NotFound($"No offer {offerId}."),
            DecisionResult.Declined => TypedResults.Ok(OfferView.Of(offer!)),
            _ => Errors.Conflict("The offer is not pending (accepted, declined, cancelled, or the referral moved on)."),
        };
    }
}
