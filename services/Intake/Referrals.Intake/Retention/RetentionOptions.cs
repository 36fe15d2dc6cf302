using System.ComponentModel.DataAnnotations;

namespace Referrals.Intake.Retention;

/// <summary>Section <c>Intake:Retention</c>: how long a finished referral keeps the client's personal data.</summary>
public sealed class RetentionOptions : IValidatableObject
{
    public const string Section = "Intake:Retention";

    /// <summary>Since the last update of a Closed, Withdrawn or Rejected referral. Default 5 years (1826 days).</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromDays(1826);

    /// <summary>How often to look for referrals whose period ran out.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>At most this many referrals per check (the next check takes the rest).</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Period <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Intake:Retention:Period must be positive (e.g. 1826.00:00:00 for five years).", [nameof(Period)]);
        }

        if (CheckInterval < TimeSpan.FromSeconds(1))
        {
            yield return new ValidationResult("Intake:Retention:CheckInterval must be at least one second.", [nameof(CheckInterval)]);
        }
    }
}
