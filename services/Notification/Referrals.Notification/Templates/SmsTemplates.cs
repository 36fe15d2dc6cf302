namespace Referrals.Notification.Templates;

/// <summary>
/// Every text the family can receive, in one place. Rules: the referral's short code, and at most the provider's public
/// name and phone or the queue position; never a personal code, diagnosis, client group or service detail. An SMS is
/// not the legal decision notice, so each text informs and points to the social service.
/// Placeholders: {shortCode} {provider} {phone} {position}.
/// </summary>
public static class SmsTemplates
{
    public const string DefaultLanguage = "lv";

    public static readonly IReadOnlyList<string> Languages = ["lv", "ru", "en"];

    private static readonly Dictionary<string, Dictionary<SmsTemplate, string>> Texts = new(StringComparer.Ordinal)
    {
        ["lv"] = new()
        {
            [SmsTemplate.Submitted] = "Nosūtījums {shortCode} sociālā pakalpojuma saņemšanai ir reģistrēts. Sīkāk — sociālajā dienestā.",
            [SmsTemplate.NeedsInformation] = "Nosūtījuma {shortCode} izskatīšanai vajadzīga papildu informācija. Lūdzu, sazinieties ar sociālo dienestu.",
            [SmsTemplate.Rejected] = "Diemžēl nosūtījumu {shortCode} pašlaik nevar virzīt tālāk. Sīkāk — sociālajā dienestā.",
            [SmsTemplate.Waitlisted] = "Nosūtījums {shortCode} ir iekļauts pakalpojuma rindā. Pašreizējā vieta rindā: {position}. Sīkāk — sociālajā dienestā.",
            [SmsTemplate.WaitlistedWithoutPosition] = "Nosūtījums {shortCode} ir iekļauts pakalpojuma rindā. Sīkāk — sociālajā dienestā.",
            [SmsTemplate.Placed] = "Nosūtījums {shortCode}: vieta piešķirta — {provider}, tālr. {phone}. Sīkāk — sociālajā dienestā.",
            [SmsTemplate.PlacedWithoutPhone] = "Nosūtījums {shortCode}: vieta piešķirta — {provider}. Sīkāk — sociālajā dienestā.",
            [SmsTemplate.PlacedWithoutProvider] = "Nosūtījums {shortCode}: vieta piešķirta. Sīkāk — sociālajā dienestā.",
            [SmsTemplate.Withdrawn] = "Nosūtījums {shortCode} ir atsaukts. Sīkāk — sociālajā dienestā.",
            [SmsTemplate.Closed] = "Pakalpojuma sniegšana pēc nosūtījuma {shortCode} ir noslēgta. Sīkāk — sociālajā dienestā.",
        },
        ["ru"] = new()
        {
            [SmsTemplate.Submitted] = "Направление {shortCode} на социальную услугу зарегистрировано. Подробнее — в социальной службе.",
            [SmsTemplate.NeedsInformation] = "Для рассмотрения направления {shortCode} нужны дополнительные сведения. Пожалуйста, свяжитесь с социальной службой.",
            [SmsTemplate.Rejected] = "К сожалению, работа по направлению {shortCode} сейчас не может быть продолжена. Подробнее — в социальной службе.",
            [SmsTemplate.Waitlisted] = "Направление {shortCode} включено в очередь на услугу. Ваше место в очереди: {position}. Подробнее — в социальной службе.",
            [SmsTemplate.WaitlistedWithoutPosition] = "Направление {shortCode} включено в очередь на услугу. Подробнее — в социальной службе.",
            [SmsTemplate.Placed] = "Направление {shortCode}: место предоставлено — {provider}, тел. {phone}. Подробнее — в социальной службе.",
            [SmsTemplate.PlacedWithoutPhone] = "Направление {shortCode}: место предоставлено — {provider}. Подробнее — в социальной службе.",
            [SmsTemplate.PlacedWithoutProvider] = "Направление {shortCode}: место предоставлено. Подробнее — в социальной службе.",
            [SmsTemplate.Withdrawn] = "Направление {shortCode} отозвано. Подробнее — в социальной службе.",
            [SmsTemplate.Closed] = "Предоставление услуги по направлению {shortCode} завершено. Подробнее — в социальной службе.",
        },
        ["en"] = new()
        {
            [SmsTemplate.Submitted] = "Your referral {shortCode} for a social service has been registered. For details, please contact your social service.",
            [SmsTemplate.NeedsInformation] = "Referral {shortCode}: more information is needed to proceed. Please contact your social service.",
            [SmsTemplate.Rejected] = "We are sorry: referral {shortCode} cannot proceed at this time. For details, please contact your social service.",
            [SmsTemplate.Waitlisted] = "Referral {shortCode} is on the waiting list for the service. Your current position: {position}. For details, please contact your social service.",
            [SmsTemplate.WaitlistedWithoutPosition] = "Referral {shortCode} is on the waiting list for the service. For details, please contact your social service.",
            [SmsTemplate.Placed] = "Referral {shortCode}: place confirmed at {provider}, tel. {phone}. For details, contact your social service.",
            [SmsTemplate.PlacedWithoutPhone] = "Referral {shortCode}: a place is confirmed at {provider}. For details, please contact your social service.",
            [SmsTemplate.PlacedWithoutProvider] = "Referral {shortCode}: a place has been confirmed. For details, please contact your social service.",
            [SmsTemplate.Withdrawn] = "Referral {shortCode} has been withdrawn. For details, please contact your social service.",
            [SmsTemplate.Closed] = "Referral {shortCode} is closed: the service has ended. For details, please contact your social service.",
        },
    };

    /// <summary>
    /// The closing pointer to the social service. With a status link an SMS that would not fit two parts drops it:
    /// the link is the pointer then.
    /// </summary>
    private static readonly Dictionary<string, string[]> Tails = new(StringComparer.Ordinal)
    {
        ["lv"] = ["Sīkāk — sociālajā dienestā.", "Lūdzu, sazinieties ar sociālo dienestu."],
        ["ru"] = ["Подробнее — в социальной службе.", "Пожалуйста, свяжитесь с социальной службой."],
        ["en"] = ["For details, please contact your social service.", "For details, contact your social service.", "Please contact your social service."],
    };

    /// <summary>The template without its closing pointer to the social service.</summary>
    public static string Core(string language, SmsTemplate template)
    {
        var lang = LanguageOrDefault(language);
        var text = Texts[lang][template];
        foreach (var tail in Tails[lang])
        {
            if (text.EndsWith(" " + tail, StringComparison.Ordinal))
            {
                return text[..^(tail.Length + 1)];
            }
        }

        return text;
    }

    /// <summary>The family's language if we have texts for it, otherwise Latvian.</summary>
    public static string LanguageOrDefault(string? language)
    {
        var normalised = language?.Trim().ToLowerInvariant();
        return normalised is not null && Texts.ContainsKey(normalised) ? normalised : DefaultLanguage;
    }

    public static string Text(string language, SmsTemplate template) => Texts[LanguageOrDefault(language)][template];
}
