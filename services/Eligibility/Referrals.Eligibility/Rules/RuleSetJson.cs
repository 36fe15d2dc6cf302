using System.Text.Json;
using System.Text.Json.Serialization;
using Referrals.Eligibility.Rules.Criteria;

using Referrals.ServiceDefaults.Http;

namespace Referrals.Eligibility.Rules;

/// <summary>How rule sets are read and written. Strict: an unknown property or a missing required one is an error, not a silent default.</summary>
public static class RuleSetJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        AllowOutOfOrderMetadataProperties = true,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        WriteIndented = true,
    };

    /// <summary>Reads and validates a rule set; throws <see cref="InvalidRuleSetException"/> naming every problem by its field.</summary>
    public static RuleSet Read(Stream json) => Validated(Parse(json));

    public static RuleSet Read(string json)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return Read(stream);
    }

    /// <summary>Parses without the vocabulary checks; throws <see cref="InvalidRuleSetException"/> for malformed JSON.</summary>
    public static RuleSet Parse(Stream json) => Guarded(() => JsonSerializer.Deserialize<RuleSet>(json, Options));

    /// <summary>As <see cref="Parse"/>, reading asynchronously (request bodies allow no synchronous reads).</summary>
    public static async ValueTask<RuleSet> ParseAsync(Stream json, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await json.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return Parse(buffer);
    }

    private static RuleSet Guarded(Func<RuleSet?> deserialize)
    {
        RuleSet? ruleSet;
        try
        {
            ruleSet = deserialize();
        }
        catch (JsonException e)
        {
            // Name the field only: System.Text.Json messages can echo values.
            throw new InvalidRuleSetException([new RuleProblem(JsonBody.FieldOf(e.Path), "malformed, of the wrong type, missing a required property or not allowed here")]);
        }
        catch (NotSupportedException)
        {
            // An unknown criterion "type" discriminator surfaces here.
            throw new InvalidRuleSetException([new RuleProblem(JsonBody.Root, "unknown criterion type or unsupported value")]);
        }

        return ruleSet ?? throw new InvalidRuleSetException([new RuleProblem(JsonBody.Root, "the document is empty")]);
    }

    public static RuleSet Validated(RuleSet ruleSet)
    {
        var problems = RuleSetValidator.Problems(ruleSet);
        return problems.Count == 0 ? ruleSet : throw new InvalidRuleSetException(problems);
    }

    public static string Write(RuleSet ruleSet) => JsonSerializer.Serialize(ruleSet, Options);

}

/// <summary>A rule set that must not be used: the service refuses to start rather than assess with it.</summary>
public sealed class InvalidRuleSetException(IReadOnlyList<RuleProblem> problems)
    : Exception("Invalid eligibility rule set: " + string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}")))
{
    public IReadOnlyList<RuleProblem> Problems { get; } = problems;

    public Dictionary<string, string[]> Errors() =>
        Problems.GroupBy(p => p.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
}
