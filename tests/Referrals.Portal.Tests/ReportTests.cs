using System.Net;
using Referrals.Portal.Tests.Hosting;

namespace Referrals.Portal.Tests;

public sealed class ReportTests(PortalOnFake portal) : IClassFixture<PortalOnFake>
{
    [Fact]
    public async Task The_report_counts_referrals_by_municipality_service_and_status_and_exports_the_same_as_CSV()
    {
        using var client = portal.Client();
        await client.SignInAsync("demo-co-latgale");

        var page = await client.GetAsync("/report");
        var csv = await client.GetAsync("/report?handler=Csv");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<th scope=\"row\">Daugavpils valstspilsēta</th>", page.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, csv.Status);
        var lines = csv.Html.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("municipality;serviceType;Submitted;NeedsInformation;Rejected;Matching;Offered;Waitlisted;Placed;Withdrawn;Closed;total;overdue", lines[0]);
        Assert.Equal("LV-DGV;home-care;0;0;0;0;1;0;0;0;0;1;1", lines[1]);
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
