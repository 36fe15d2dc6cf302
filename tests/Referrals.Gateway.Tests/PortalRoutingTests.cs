using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace Referrals.Gateway.Tests;

/// <summary>Everything that is not an API goes to the portal, which signs its users in itself.</summary>
public sealed class PortalRoutingTests(EchoBackend backend) : IClassFixture<EchoBackend>
{
    private const string DeadAddress = "http://127.0.0.1:9/";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/referrals/new")]
    [InlineData("/status/AbC123xyz")]
    public async Task Portal_pages_pass_without_a_bearer_token(string path)
    {
        using var gateway = new GatewayFactory(backend);

        var echo = await gateway.CreateClient().GetFromJsonAsync<EchoAnswer>(path, Ct);

        Assert.Equal(path, echo!.Path);
    }

    [Fact]
    public async Task The_gateway_stays_ready_while_the_portal_is_down_but_not_while_an_API_is()
    {
        using var portalDown = new GatewayFactory(backend, FastHealthChecks("portal"));
        using var intakeDown = new GatewayFactory(backend, FastHealthChecks("intake"));
        var portalDownClient = portalDown.CreateClient();
        var intakeDownClient = intakeDown.CreateClient();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        HttpStatusCode withoutIntake;
        do
        {
            await Task.Delay(200, Ct);
            withoutIntake = (await intakeDownClient.GetAsync("/health/ready", Ct)).StatusCode;
        }
        while (withoutIntake == HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, withoutIntake);
        Assert.Equal(HttpStatusCode.OK, (await portalDownClient.GetAsync("/health/ready", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, (await portalDownClient.GetAsync("/", Ct)).StatusCode);
    }

    private static Dictionary<string, string?> FastHealthChecks(string deadCluster)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"ReverseProxy:Clusters:{deadCluster}:Destinations:primary:Address"] = DeadAddress,
        };
        foreach (var cluster in GatewayFactory.Clusters)
        {
            settings[$"ReverseProxy:Clusters:{cluster}:HealthCheck:Active:Interval"] = "00:00:00.200";
            settings[$"ReverseProxy:Clusters:{cluster}:HealthCheck:Active:Timeout"] = "00:00:00.500";
        }

        return settings;
    }
}
