using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using Referrals.Testing;

namespace Referrals.Intake.Tests.Api;

public sealed class StartupTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void Missing_store_connection_string_stops_the_service_at_start()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:IntakeStore", "");
            builder.UseSetting("Messaging:Transport", "InMemory");
        });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("IntakeStore", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_when_the_store_answers()
    {
        using var directory = new TempDirectory();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:IntakeStore", directory.SqliteConnectionString("intake"));
            builder.UseSetting("Messaging:Transport", "InMemory");
        });

        var response = await factory.CreateClient().GetAsync("/health/ready", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
