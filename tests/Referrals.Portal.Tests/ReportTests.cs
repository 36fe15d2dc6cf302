using System.Net;
using Referrals.Portal.Tests.Hosting;

namespace Referrals.Portal.Tests;

public sealed class ReportTests(PortalOnFake portal) : IClassFixture<PortalOnFake>
{
    private const string CsvHeader =
        "municipality;serviceType;Submitted;NeedsInformation;Rejected;Matching;Offered;Waitlisted;Placed;Withdrawn;Closed;total;overdue;waitlisted;"
        + "decisions;decisionMedianDays;decisionP90Days;placements;placementMedianDays;placementP90Days;"
        + "declinedNoCapacity;declinedNotEligible;declinedMissingDocuments;declinedOutOfServiceArea;declinedClientRefused;declinedOther;declinedTotal";

    [Fact]
    public async Task The_report_shows_the_service_figures_with_overdue_decisions_durations_declines_and_charts()
    {
        using var client = portal.Client();
        await client.SignInAsync("demo-co-latgale");

        var page = await client.GetAsync("/report");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("", portal.Platform.ReportQueries.Last());
        var html = page.Html;
        Assert.Contains("<th scope=\"row\">Daugavpils valstspilsēta</th>", html, StringComparison.Ordinal);
        Assert.Contains("Periods: 24.11.2025–23.11.2026", html, StringComparison.Ordinal);
        // Overdue 1 (the LV-RIX one is outside the report), waiting list 1; 36 h and 60 h to decision are 1,5 and 2,5 days.
        Assert.Matches(@"<td>3</td>\s*<td>1</td>\s*<td>1</td>\s*</tr>", html);
        Assert.Matches(@"<td>3</td>\s*<td>1,5</td>\s*<td>2,5</td>\s*<td>2</td>\s*<td>3,0</td>\s*<td>4,0</td>", html);
        Assert.Matches(@"<td>0</td>\s*<td>—</td>\s*<td>—</td>", html);
        // Each chart is an SVG image named by its caption, with every figure as its text description.
        foreach (var chart in new[] { "chart-status", "chart-decision", "chart-placement", "chart-declines" })
        {
            Assert.Contains($"<svg role=\"img\" aria-labelledby=\"{chart}-title\" aria-describedby=\"{chart}-desc\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("<p id=\"chart-declines-desc\" class=\"visually-hidden\">Nav brīvu vietu: 2; Klients neatbilst: 0;", html, StringComparison.Ordinal);
        Assert.Contains("Vieta piešķirta: 2;", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"chart-decision-desc\" class=\"visually-hidden\">Daugavpils valstspilsēta — ", html, StringComparison.Ordinal);
        // The longest bar is the full bar area; the coordinator may choose any municipality of Latgale.
        Assert.Contains("width=\"520\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"LV-REZ\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"LV-RIX\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_reach_the_API_and_the_CSV_carries_every_column_with_stable_headers()
    {
        using var client = portal.Client();
        await client.SignInAsync("demo-co-latgale");

        var page = await client.GetAsync("/report?from=2026-01-01&to=2026-06-30&municipality=LV-DGV");
        var csv = await client.GetAsync("/report?handler=Csv&from=2026-01-01&to=2026-06-30&municipality=LV-DGV");

        Assert.Equal("?from=2026-01-01&to=2026-06-30&municipality=LV-DGV", portal.Platform.ReportQueries.Last());
        Assert.Contains("value=\"2026-01-01\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"LV-DGV\" selected=\"selected\">", page.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/report?handler=Csv&amp;from=2026-01-01&amp;to=2026-06-30&amp;municipality=LV-DGV\"", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Rēzeknes", page.Html.Split("<tbody>")[1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, csv.Status);
        var bytes = await client.Http.GetByteArrayAsync(new Uri("/report?handler=Csv&municipality=LV-DGV", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = csv.Html.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(CsvHeader, lines[0]);
        Assert.Equal("LV-DGV;home-care;0;0;0;0;1;0;2;0;0;3;1;1;3;1.5;2.5;2;3.0;4.0;2;0;0;0;0;1;3", lines[1]);
        Assert.Equal(2, lines.Length);
        Assert.Equal(CsvHeader.Split(';').Length, lines[1].Split(';').Length);
    }

    [Fact]
    public async Task A_bad_date_is_shown_at_its_field_and_a_social_worker_chooses_only_their_municipality()
    {
        using var coordinator = portal.Client();
        await coordinator.SignInAsync("demo-co-latgale");
        using var worker = portal.Client();
        await worker.SignInAsync("demo-sw-daugavpils");

        var bad = await coordinator.GetAsync("/report?from=2026-02-30");
        var own = await worker.GetAsync("/report");

        Assert.Contains("href=\"#from\"", bad.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"from\" name=\"from\" value=\"2026-02-30\" aria-invalid=\"true\" aria-describedby=\"from-error\"", bad.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table>", bad.Html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"LV-DGV\">", own.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"LV-REZ\">", own.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overdue_filter_keeps_only_referrals_whose_decision_is_late()
    {
        using var client = portal.Client();
        await client.SignInAsync("demo-sw-daugavpils");

        var overdue = await client.GetAsync("/referrals?overdue=true");
        var other = await client.GetAsync("/referrals?overdue=true&serviceType=day-care-centre");

        Assert.Contains("DGV-7K3P", overdue.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("DGV-7K3P", other.Html, StringComparison.Ordinal);
    }
}
