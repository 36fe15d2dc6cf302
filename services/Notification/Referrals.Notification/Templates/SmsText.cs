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
    /// <param name="statusLink">The public status page link, if any; never added to a final status (the link is dead by then).</param>
    public static RenderedSms? For(ReferralStatusChanged change, string? language, string? statusLink = null)
    {
        var template = TemplateFor(change.To, change.Provider?.Name, change.Provider?.Phone, change.WaitlistPosition);
        var link = StatusLinks.IsFinal(change.To) ? null : statusLink;
        return template is null
            ? null
            : Render(language, template.Value, change.ShortCode, change.Provider?.Name, change.Provider?.Phone, change.WaitlistPosition, link);
    }

    public static RenderedSms Render(string? language, SmsTemplate template, string shortCode, string? provider = null,
        string? phone = null, int? position = null, string? statusLink = null)
    {
        var lang = SmsTemplates.LanguageOrDefault(language);
        if (string.IsNullOrEmpty(statusLink))
        {
            return Render(lang, SmsTemplates.Text(lang, template), shortCode, provider, phone, position);
        }

        // The whole text with the link if it fits as it is; otherwise the link replaces the pointer to the social service.
        var full = Render(lang, SmsTemplates.Text(lang, template) + " " + statusLink, shortCode, provider, phone, position);
        return full.Size.Segments <= MaxSegments && full.Text.Contains(provider?.Trim() ?? "", StringComparison.Ordinal)
            ? full
            : Render(lang, SmsTemplates.Core(lang, template) + " " + statusLink, shortCode, provider, phone, position);
    }

    private static RenderedSms Render(string lang, string pattern, string shortCode, string? provider, string? phone, int? position)
    {
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
