namespace Referrals.Portal.Tests.Hosting;

public sealed class EmbeddedSystemFixture : IAsyncLifetime
{
    public EmbeddedSystem System { get; private set; } = null!;

    public async ValueTask InitializeAsync() => System = await EmbeddedSystem.StartAsync();

    public async ValueTask DisposeAsync() => await System.DisposeAsync();
}
