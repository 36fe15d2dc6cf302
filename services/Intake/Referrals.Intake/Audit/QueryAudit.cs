using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Intake.Http;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Intake.Audit;

/// <summary>
/// <c>GET /api/referrals/audit?referralId=&amp;actorId=&amp;from=&amp;to=&amp;limit=</c>: the trail, newest first, for
/// administrators (it holds no personal data, so they may read it).
/// </summary>
public static class QueryAudit
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static RouteHandlerBuilder MapQueryAudit(this RouteGroupBuilder group) =>
        group.MapGet("audit", HandleAsync)
            .WithName("QueryAudit")
            .WithSummary("The audit trail, newest first (administrators)")
            .RequireAuthorization(Roles.Administrator);

    public static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ValidationProblem>> HandleAsync(
        string? referralId,
        string? actorId,
        string? from,
        string? to,
        string? limit,
        IAuditTrail trail,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        Guid? referral = null;
        if (!string.IsNullOrWhiteSpace(referralId))
        {
            if (Guid.TryParse(referralId, out var parsed))
            {
                referral = parsed;
            }
            else
            {
                errors.Add("referralId", "Must be a referral id (a GUID).");
            }
        }

        var since = Time(from, "from", errors);
        var until = Time(to, "to", errors);
        var count = DefaultLimit;
        if (!string.IsNullOrWhiteSpace(limit)
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxLimit))
        {
            errors.Add("limit", $"A whole number from 1 to {MaxLimit}.");
        }

        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var actor = string.IsNullOrWhiteSpace(actorId) ? null : actorId.Trim();
        return TypedResults.Ok(await trail.QueryAsync(new AuditQuery(referral, actor, since, until, count), cancellationToken));
    }

    private static DateTimeOffset? Time(string? value, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at;
        }

        errors.Add(field, "An ISO 8601 date or time, e.g. 2026-11-23 or 2026-11-23T08:00:00Z.");
        return null;
    }
}
