using Referrals.Eligibility.Rules;
using Referrals.Eligibility.RuleSets;
using Xunit;

namespace Referrals.Eligibility.Tests.RuleSets;

/// <summary>What every <see cref="IRuleSetStore"/> adapter must do; run once per adapter.</summary>
public abstract class RuleSetStoreContract
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<IRuleSetStore> CreateStoreAsync();

    private static StoredRuleSet Version(int number) => new()
    {
        Id = StoredRuleSet.IdOf(number),
        Number = number,
        CreatedAt = new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.Zero),
        CreatedBy = "admin-1",
        RuleCount = 1,
        Document = "{}",
    };

    [Fact]
    public async Task Versions_are_kept_found_and_listed_oldest_first()
    {
        var store = await CreateStoreAsync();
        Assert.Null(await store.LatestAsync(Ct));

        Assert.True(await store.TryAddAsync(Version(3), Ct));
        Assert.True(await store.TryAddAsync(Version(2), Ct));

        Assert.Equal(3, (await store.LatestAsync(Ct))!.Number);
        Assert.Equal(new[] { 2, 3 }, (await store.ListAsync(Ct)).Select(v => v.Number));
        var found = await store.FindAsync(2, Ct);
        Assert.Equal(("admin-1", 1, "{}"), (found!.CreatedBy, found.RuleCount, found.Document));
        Assert.Null(await store.FindAsync(9, Ct));
    }

    [Fact]
    public async Task A_version_number_is_taken_once()
    {
        var store = await CreateStoreAsync();

        Assert.True(await store.TryAddAsync(Version(2), Ct));
        Assert.False(await store.TryAddAsync(Version(2), Ct));
    }

    [Fact]
    public async Task Publishing_numbers_versions_after_the_seed_and_keeps_them_readable()
    {
        var store = await CreateStoreAsync();
        var seed = RuleSetCatalogue.LoadEmbedded();
        var versions = new RuleSetVersions(store, seed, TimeProvider.System);
        var edited = seed with { Rules = seed.Rules.Where(r => r.Id != "R05").ToList() };

        var second = await versions.PublishAsync(edited, "admin-1", Ct);
        var third = await versions.PublishAsync(seed, null, Ct);

        Assert.Equal(("2", "3"), (second.Version, third.Version));
        Assert.Equal("3", (await versions.CurrentAsync(Ct)).Version);
        Assert.DoesNotContain((await versions.FindAsync("2", Ct))!.Rules, r => r.Id == "R05");
        Assert.Same(seed, await versions.FindAsync("1", Ct));
        Assert.Null(await versions.FindAsync("one", Ct));
        Assert.Equal(new[] { "1", "2", "3" }, (await versions.ListAsync(Ct)).Select(v => v.Version));
    }
}
