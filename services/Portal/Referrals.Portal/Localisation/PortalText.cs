using Referrals.Reference;

namespace Referrals.Portal.Localisation;

/// <summary>
/// Every word the portal shows, in Latvian, English and Russian (the user's choice, Latvian by default). The
/// vocabularies' own names (service types, client groups, municipalities, documents) come from Referrals.Reference in
/// Latvian and English; Russian shows the Latvian official name.
/// </summary>
public sealed class PortalText
{
    public string this[string key] => Get(key, PortalCulture.Current);

    public string Format(string key, params object[] values) =>
        string.Format(System.Globalization.CultureInfo.CurrentCulture, this[key], values);

    public static string Get(string key, string language) =>
        PortalTexts.All.TryGetValue(key, out var text)
            ? language switch { "en" => text.En, "ru" => text.Ru, _ => text.Lv }
            : "[" + key + "]";

    public string Term(Term? term, string code) => term is null ? code : PortalCulture.Current == "en" ? term.NameEn : term.NameLv;

    public string ServiceType(string code) => Term(ServiceTypes.Find(code), code);

    public string ClientGroup(string code) => Term(ClientGroups.All.FirstOrDefault(t => t.Code == code), code);

    public string Document(string code) => Term(Documents.All.FirstOrDefault(t => t.Code == code), code);

    public string Municipality(string code) => Municipalities.Find(code) is { } m
        ? (PortalCulture.Current == "en" ? m.NameEn : m.NameLv)
        : code;

    /// <summary>A value of one of the platform's closed sets (status, verdict, decline reason…), e.g. <c>status.Placed</c>.</summary>
    public string Value(string set, string? value) =>
        value is null ? "" : PortalTexts.All.ContainsKey(set + "." + value) ? this[set + "." + value] : value;

    /// <summary>The rule's reason in the user's language (the rules speak Latvian and English; Russian reads Latvian).</summary>
    public string Reason(string lv, string en) => PortalCulture.Current == "en" ? en : lv;
}
