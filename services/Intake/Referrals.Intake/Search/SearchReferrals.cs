using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Intake.Access;
using Referrals.Intake.Audit;
using Referrals.Intake.Http;
using Referrals.Intake.Protection;
using Referrals.Intake.Read;
using Referrals.Intake.Store;
using Referrals.Intake.Submit;
using Referrals.ServiceDefaults.Http;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Intake.Search;

/// <summary>
/// <c>POST /api/referrals/search</c> <c>{ "personalCode": "…" }</c>: the social worker's own-municipality referrals
/// of one person, found by the keyed hash of the normalised code (nothing is decrypted to search). A POST so the code
/// never lands in a URL or an access log.
/// </summary>
public static class SearchReferrals
{
    public const int Limit = 100;

    public static RouteHandlerBuilder MapSearchReferrals(this RouteGroupBuilder group) =>
        group.MapPost("search", HandleAsync)
            .WithName("SearchReferrals")
            .WithSummary("Own-municipality referrals of a person, by personal code")
            .Accepts<SearchReferralsRequest>("application/json")
            .RequireAuthorization(Roles.SocialWorker);

    public static async Task<Results<Ok<IReadOnlyList<ReferralSummary>>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        HttpContext http,
        IReferralStore store,
        PersonalDataProtector protector,
        AuditRecorder audit,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<SearchReferralsRequest>(http.Request, cancellationToken);
        if (body.Errors is not null)
        {
            return TypedResults.ValidationProblem(body.Errors);
        }

        var check = PersonalCode.Check(body.Value!.PersonalCode);
        if (!check.IsValid)
        {
            return TypedResults.ValidationProblem(JsonBody.Error("personalCode", check.Error!));
        }

        var actor = http.User.Actor();
        if (ReferralAccess.OwnMunicipality(actor) is not { } municipality)
        {
            return Problems.Forbidden("municipality", "Your token names no municipality.");
        }

        var found = await store.FindByPersonalCodeHashAsync(municipality, protector.PersonalCodeHash(check.Normalised!), Limit, cancellationToken);
        if (found.Count > 0)
        {
            // Only a search that found someone read personal data (that the person is known here).
            await audit.RecordAsync(actor, AuditActions.Searched, null, found[0].Client.ClientId, $"results={found.Count}", cancellationToken);
        }

        return TypedResults.Ok<IReadOnlyList<ReferralSummary>>(found.Select(ReferralSummary.From).ToList());
    }
}

public sealed record SearchReferralsRequest(string? PersonalCode);
