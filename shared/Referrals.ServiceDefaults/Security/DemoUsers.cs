namespace Referrals.ServiceDefaults.Security;

/// <summary>
/// The people of the built-in sign-in: one per role, two social services and three providers so that tenant borders can
/// be tried out (the Daugavpils and Rēzekne novads providers are the first and second offer of a Daugavpils home-care
/// referral, so a decline and the next acceptance can both be done in the browser). The providers are in the demo directory (Seed/demo-directory.json) of the provider-directory service.
/// </summary>
public static class DemoUsers
{
    public static DemoUser DaugavpilsSocialWorker { get; } = new(
        "demo-sw-daugavpils", "Ilze Kalniņa", Roles.SocialWorker, "LV-DGV", null, null,
        "Sociālā darbiniece, Daugavpils valstspilsētas sociālais dienests");

    public static DemoUser RezekneSocialWorker { get; } = new(
        "demo-sw-rezekne", "Jānis Ozols", Roles.SocialWorker, "LV-REZ", null, null,
        "Sociālais darbinieks, Rēzeknes valstspilsētas sociālais dienests");

    public static DemoUser DaugavpilsDayCareStaff { get; } = new(
        "demo-ps-dgv-seniori", "Marija Petrova", Roles.ProviderStaff, null, "org-dgv-seniori", null,
        "Daugavpils dienas aprūpes centrs senioriem");

    public static DemoUser RezekneCareCentreStaff { get; } = new(
        "demo-ps-rez-sac", "Andris Liepa", Roles.ProviderStaff, null, "org-rez-sac", null,
        "Rēzeknes sociālās aprūpes centrs");

    public static DemoUser RezekneHomeCareStaff { get; } = new(
        "demo-ps-rzn-majas", "Dace Stepiņa", Roles.ProviderStaff, null, "org-rzn-majas", null,
        "Aprūpes mājās koordinatore, Rēzeknes novada aprūpes mājās dienests");

    public static DemoUser LatgaleCoordinator { get; } = new(
        "demo-co-latgale", "Inese Vītola", Roles.Coordinator, null, null, "Latgale",
        "Reģionālā koordinatore, Latgales plānošanas reģions");

    public static DemoUser Administrator { get; } = new(
        "demo-admin", "Pēteris Bērziņš", Roles.Administrator, null, null, null,
        "Sistēmas administrators (katalogs un noteikumi)");

    public static IReadOnlyList<DemoUser> All { get; } =
    [
        DaugavpilsSocialWorker, RezekneSocialWorker, DaugavpilsDayCareStaff, RezekneCareCentreStaff, RezekneHomeCareStaff,
        LatgaleCoordinator, Administrator,
    ];

    public static DemoUser? Find(string id) => All.FirstOrDefault(u => u.Id == id);
}
