using System.Buffers.Text;
using System.Security.Cryptography;
using Referrals.Contracts.Intake;

namespace Referrals.Notification.Templates;

/// <summary>The public status page behind an unguessable token: 128 random bits, URL-safe base64 (22 characters).</summary>
public static class StatusLinks
{
    /// <summary>The longest <c>Notification:StatusLinkBaseUrl</c> that keeps every SMS within two parts with its link.</summary>
    public const int MaxBaseUrlLength = 30;

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>A referral in a final state has nothing left to follow: its link stops working.</summary>
    public static bool IsFinal(ReferralStatus status) =>
        status is ReferralStatus.Rejected or ReferralStatus.Withdrawn or ReferralStatus.Closed;

    public static string? Link(string? baseUrl, string? token) =>
        string.IsNullOrWhiteSpace(baseUrl) || string.IsNullOrEmpty(token) ? null : baseUrl.TrimEnd('/') + "/" + token;

    public static (string Lv, string En, string Ru) Describe(ReferralStatus status) => status switch
    {
        ReferralStatus.Submitted => ("Reģistrēts", "Registered", "Зарегистрировано"),
        ReferralStatus.NeedsInformation => ("Vajadzīga papildu informācija", "More information needed", "Нужны дополнительные сведения"),
        ReferralStatus.Matching or ReferralStatus.Offered => ("Tiek meklēts pakalpojuma sniedzējs", "Looking for a provider", "Идёт поиск поставщика услуги"),
        ReferralStatus.Waitlisted => ("Rindā", "On the waiting list", "В очереди"),
        ReferralStatus.Placed => ("Vieta piešķirta", "Place confirmed", "Место предоставлено"),
        ReferralStatus.Rejected => ("Nevar virzīt tālāk", "Cannot proceed", "Не может быть продолжено"),
        ReferralStatus.Withdrawn => ("Atsaukts", "Withdrawn", "Отозвано"),
        _ => ("Noslēgts", "Closed", "Завершено"),
    };
}
