using System.Collections.Concurrent;
using System.Globalization;
using Referrals.Eligibility.Rules;

namespace Referrals.Eligibility.RuleSets;

/// <summary>A version of the rule set as listed: number, when and by whom, how many rules.</summary>
public sealed record RuleSetSummary(string Version, DateTimeOffset? CreatedAt, string? CreatedBy, int RuleCount, bool Seed);

/// <summary>
/// The versions of the rule set: version 1 is the seed embedded in the build (<c>rules.json</c>); every published
/// document becomes the next number. The newest version judges new referrals; older ones stay readable so any
/// assessment can be explained by the rules it was made under.
/// </summary>
public sealed class RuleSetVersions(IRuleSetStore store, RuleSet seed, TimeProvider time)
{
    private const int SeedNumber = 1;
    private readonly ConcurrentDictionary<int, RuleSet> _parsed = new();

    public RuleSet Seed => seed;

    public async Task<RuleSet> CurrentAsync(CancellationToken cancellationToken) =>
        await store.LatestAsync(cancellationToken) is { } latest ? Parse(latest) : seed;

    public async Task<RuleSet?> FindAsync(string version, CancellationToken cancellationToken)
    {
        if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        if (number == SeedNumber)
        {
            return seed;
        }

        return await store.FindAsync(number, cancellationToken) is { } stored ? Parse(stored) : null;
    }

    public async Task<IReadOnlyList<RuleSetSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var stored = await store.ListAsync(cancellationToken);
        return [new RuleSetSummary(seed.Version, null, null, seed.Rules.Count, Seed: true),
            .. stored.Select(s => new RuleSetSummary(s.Id, s.CreatedAt, s.CreatedBy, s.RuleCount, Seed: false))];
    }

    /// <summary>Publishes a validated rule set as the next version (the number in the document, if any, is replaced).</summary>
    public async Task<RuleSetSummary> PublishAsync(RuleSet candidate, string? actor, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var latest = await store.LatestAsync(cancellationToken);
            var number = (latest?.Number ?? SeedNumber) + 1;
            var ruleSet = candidate with { Version = StoredRuleSet.IdOf(number) };
            var document = new StoredRuleSet
            {
                Id = StoredRuleSet.IdOf(number),
                Number = number,
                CreatedAt = time.GetUtcNow(),
                CreatedBy = actor,
                RuleCount = ruleSet.Rules.Count,
                Document = RuleSetJson.Write(ruleSet),
            };
            if (await store.TryAddAsync(document, cancellationToken))
            {
                _parsed[number] = ruleSet;
                return new RuleSetSummary(document.Id, document.CreatedAt, actor, document.RuleCount, Seed: false);
            }

            // Another publisher took this number first: take the next one.
            if (attempt >= 20)
            {
                throw new InvalidOperationException("Could not claim a rule-set version number: too many concurrent publishers.");
            }
        }
    }

    private RuleSet Parse(StoredRuleSet stored) =>
        _parsed.GetOrAdd(stored.Number, _ => RuleSetJson.Read(stored.Document));
}
