using System.Globalization;
using Referrals.Contracts.Intake;
using Referrals.Notification.Encoding;

namespace Referrals.Notification.Templates;

/// <summary>The filled-in text for one status change, measured.</summary>
public sealed record RenderedSms(string Language, string Text, SmsSize Size);

/// <summary>Chooses the template for a status change and fills it in, within the family's part budget.</summary>
public static class SmsText
{
    /// <summary>Two parts at most: a long provider name is shortened, never the short code, phone or position.</summary>
    public const int MaxSegments = 2;

    private const string Ellipsis = "…";

    /// <summary>The statuses a family is told about; Matching and Offered are internal steps that may still change.</summary>
    public static bool IsFamilyRelevant(ReferralStatus status) => TemplateFor(status, null, null, null) is not null;

    public static SmsTemplate? TemplateFor(ReferralStatus status, string? provider, string? phone, int? position) => status switch
    {
        ReferralStatus.Submitted => SmsTemplate.Submitted,
        ReferralStatus.NeedsInformation => SmsTemplate.NeedsInformation,
        ReferralStatus.Rejected => SmsTemplate.Rejected,
        ReferralStatus.Waitlisted => position is null ? SmsTemplate.WaitlistedWithoutPosition : SmsTemplate.Waitlisted,
        ReferralStatus.Placed when string.IsNullOrWhiteSpace(provider) => SmsTemplate.PlacedWithoutProvider,
        ReferralStatus.Placed => string.IsNullOrWhiteSpace(phone) ? SmsTemplate.PlacedWithoutPhone : SmsTemplate.Placed,
        ReferralStatus.Withdrawn => SmsTemplate.Withdrawn,
        ReferralStatus.Closed => SmsTemplate.Closed,
        _ => null,
    };

    /// <summary>The text for a change, or null when the family is not told about this status.</summary>
    public static RenderedSms? For(ReferralStatusChanged change, string? language)
    {
        var template = TemplateFor(change.To, change.Provider?.Name, change.Provider?.Phone, change.WaitlistPosition);
        return template is null
            ? null
            : Render(language, template.Value, change.ShortCode, change.Provider?.Name, change.Provider?.Phone, change.WaitlistPosition);
    }

    public static RenderedSms Render(string? language, SmsTemplate template, string shortCode, string? provider = null,
        string? phone = null, int? position = null)
    {
        var lang = SmsTemplates.LanguageOrDefault(language);
        var pattern = SmsTemplates.Text(lang, template);
        var name = provider?.Trim() ?? "";
        var text = Fill(pattern, shortCode, name, phone, position);
        var size = SmsEncoding.Measure(text);
        // Only the provider's name is shortened: the family can still call the phone or ask the social service.
        while (size.Segments > MaxSegments && name.Length > 1)
        {
            name = name[..^(name.EndsWith(Ellipsis, StringComparison.Ordinal) ? 2 : 1)].TrimEnd() + Ellipsis;
            text = Fill(pattern, shortCode, name, phone, position);
            size = SmsEncoding.Measure(text);
        }

        return new RenderedSms(lang, text, size);
    }

    private static string Fill(string pattern, string shortCode, string provider, string? phone, int? position) =>
        pattern
            .Replace("{shortCode}", shortCode, StringComparison.Ordinal)
            .Replace("{provider}", provider, StringComparison.Ordinal)
            .Replace("{phone}", phone ?? "", StringComparison.Ordinal)
            .Replace("{position}", position?.ToString(CultureInfo.InvariantCulture) ?? "", StringComparison.Ordinal);
}
