using Microsoft.Extensions.Options;
using Referrals.Reference;

namespace Referrals.Eligibility.Deadlines;

/// <summary>
/// How long the social service has to decide once the documents are complete: MK 138 point 11 says one month
/// (children-services-004 l.693); municipalities publish other deadlines for some services, so each service type
/// may override it. Section <c>Eligibility:Deadlines</c>.
/// </summary>
public sealed class DecisionDeadlineOptions
{
    public const string Section = "Eligibility:Deadlines";

    public Deadline Default { get; set; } = new() { Months = 1 };

    /// <summary>Overrides keyed by service-type code.</summary>
    public Dictionary<string, Deadline> ServiceTypes { get; set; } = [];

    /// <summary>How often the background check looks for overdue decisions.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);

    public Deadline For(string serviceType) => ServiceTypes.TryGetValue(serviceType, out var deadline) ? deadline : Default;

    public DateOnly DueOn(string serviceType, DateOnly documentsCompleteOn)
    {
        var deadline = For(serviceType);
        return documentsCompleteOn.AddMonths(deadline.Months).AddDays(deadline.Days);
    }
}

/// <summary>A deadline of whole months plus days (both ≥ 0, not both 0).</summary>
public sealed class Deadline
{
    public int Months { get; set; }

    public int Days { get; set; }
}

public sealed class DecisionDeadlineOptionsValidator : IValidateOptions<DecisionDeadlineOptions>
{
    public ValidateOptionsResult Validate(string? name, DecisionDeadlineOptions options)
    {
        var failures = new List<string>();
        Check($"{DecisionDeadlineOptions.Section}:Default", options.Default, failures);
        foreach (var (serviceType, deadline) in options.ServiceTypes)
        {
            if (!ServiceTypes.IsKnown(serviceType))
            {
                failures.Add($"{DecisionDeadlineOptions.Section}:ServiceTypes:{serviceType} is not a known service type code.");
            }

            Check($"{DecisionDeadlineOptions.Section}:ServiceTypes:{serviceType}", deadline, failures);
        }

        if (options.CheckInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{DecisionDeadlineOptions.Section}:CheckInterval must be at least one second.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string key, Deadline? deadline, List<string> failures)
    {
        if (deadline is null || deadline.Months < 0 || deadline.Days < 0 || deadline.Months + deadline.Days == 0
            || deadline.Months > 24 || deadline.Days > 366)
        {
            failures.Add($"{key} needs Months (0–24) and/or Days (0–366), not both zero.");
        }
    }
}
