using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Contracts.Intake;
using Referrals.Intake.Http;
using Referrals.Intake.Store;
using Referrals.Reference;

namespace Referrals.Intake.Read;

/// <summary><c>GET /api/referrals?municipality=&amp;status=</c>: a social service's worklist, newest first.</summary>
public static class ListReferrals
{
    public const int Limit = 500;

    public static RouteHandlerBuilder MapListReferrals(this RouteGroupBuilder group) =>
        group.MapGet("", HandleAsync)
            .WithName("ListReferrals")
            .WithSummary("Referrals by municipality and status (both optional), newest first");

    public static async Task<Results<Ok<IReadOnlyList<ReferralSummary>>, ValidationProblem>> HandleAsync(
        string? municipality,
        string? status,
        IReferralStore store,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        string? code = null;
        if (!string.IsNullOrWhiteSpace(municipality))
        {
            code = Municipalities.Find(municipality.Trim())?.Code;
            if (code is null)
            {
                errors.Add("municipality", "Unknown municipality code (ISO 3166-2:LV, e.g. LV-DGV).");
            }
        }

        ReferralStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            var name = Enum.GetNames<ReferralStatus>()
                .FirstOrDefault(n => string.Equals(n, status.Trim(), StringComparison.OrdinalIgnoreCase));
            if (name is not null)
            {
                wanted = Enum.Parse<ReferralStatus>(name);
            }
            else
            {
                errors.Add("status", $"Unknown status. Known: {string.Join(", ", Enum.GetNames<ReferralStatus>())}.");
            }
        }

        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var referrals = await store.ListAsync(code, wanted, Limit, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ReferralSummary>>(referrals.Select(ReferralSummary.From).ToList());
    }
}
