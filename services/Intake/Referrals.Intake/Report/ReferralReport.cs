using Microsoft.AspNetCore.Http.HttpResults;
using Referrals.Intake.Access;
using Referrals.Intake.Http;
using Referrals.Intake.Store;
using Referrals.ServiceDefaults.Security;

namespace Referrals.Intake.Report;

/// <summary>
/// <c>GET /api/referrals/report?from=&amp;to=&amp;municipality=</c>: per municipality and service type, the referrals
/// submitted in the period by status, the waiting list now, the time from submission to the eligibility decision and
/// to the placement (count, median, 90th percentile), and the providers' declines by reason. Counts only: no ids, no
/// people. A social worker gets their municipality, a coordinator their region (the tenant rules of the list); a
/// municipality outside them is 403.
/// </summary>
public static class ReferralReport
{
    /// <summary>Documents read and folded per store round trip.</summary>
    public const int PageSize = 200;

    public static RouteHandlerBuilder MapReferralReport(this RouteGroupBuilder group) =>
        group.MapGet("/report", HandleAsync)
            .WithName("ReferralReport")
            .WithSummary("Referrals per municipality and service type in a period (Riga dates, both included; default the last 12 months)")
            .RequireAuthorization(policy => policy.RequireRole(Roles.SocialWorker, Roles.Coordinator));

    public static async Task<Results<Ok<ReportView>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string? from,
        string? to,
        string? municipality,
        HttpContext http,
        IReferralStore store,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var window = ReportWindow.Parse(from, to, time.GetUtcNow(), errors);
        var code = MunicipalityFilter.Parse(municipality, errors);
        if (window is null || !errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (MunicipalityFilter.Scope(http.User.Actor(), code) is not { } scope)
        {
            return Problems.Forbidden("municipality", "You may only report on your own municipality or region.");
        }

        var report = new ReportAggregator(window);
        await foreach (var page in store.ReadForReportAsync(scope, window.Start, window.End, PageSize, cancellationToken))
        {
            foreach (var referral in page)
            {
                report.Add(referral);
            }
        }

        return TypedResults.Ok(new ReportView(window.From, window.To, scope.Order(StringComparer.Ordinal).ToList(), report.Rows()));
    }
}

/// <summary>The report: its period, the municipalities it covers, and the rows that have any referral.</summary>
public sealed record ReportView(DateOnly From, DateOnly To, IReadOnlyList<string> Municipalities, IReadOnlyList<ReportRowView> Rows);
