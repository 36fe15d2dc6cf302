using System.Text.RegularExpressions;
using Referrals.Portal.Localisation;

namespace Referrals.Portal.Forms;

/// <summary>
/// Errors of one form, keyed by the field's name (which is the API's JSON path, so the API's problem details land next
/// to the right field). Messages are the portal's own, localised; the API's English text is never shown.
/// </summary>
public sealed partial class FormErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _anchors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IEnumerable<KeyValuePair<string, List<string>>> All => _errors;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        if (!list.Contains(message))
        {
            list.Add(message);
        }
    }

    /// <summary>
    /// The API's field-keyed errors, each under the form field it names (<c>documents[2]</c> belongs to <c>documents</c>),
    /// with the portal's message for that field. <paramref name="aliases"/> maps another endpoint's names onto the form's.
    /// </summary>
    public void AddFromApi(IReadOnlyDictionary<string, string[]> errors, PortalText text, IReadOnlyDictionary<string, string>? aliases = null)
    {
        foreach (var key in errors.Keys)
        {
            var field = Index().Replace(key, "");
            if (aliases?.GetValueOrDefault(field) is { } alias)
            {
                field = alias;
            }

            var specific = "error." + field;
            Add(field, text[specific].StartsWith('[') ? text["error.generic"] : text[specific]);
        }
    }

    /// <summary>Where the error summary's link for <paramref name="field"/> goes when the field's element id is not its name.</summary>
    public void Anchor(string field, string elementId) => _anchors[field] = elementId;

    public string AnchorOf(string field) => _anchors.GetValueOrDefault(field) ?? Id(field);

    public bool Has(string field) => _errors.ContainsKey(field);

    public IReadOnlyList<string> For(string field) => _errors.TryGetValue(field, out var list) ? list : [];

    /// <summary>The element id of a field (dots are awkward in CSS selectors and fragment links).</summary>
    public static string Id(string field) => field.Replace('.', '-');

    [GeneratedRegex(@"\[\d+\]$")]
    private static partial Regex Index();
}
