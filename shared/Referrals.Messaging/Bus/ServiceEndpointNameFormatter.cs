using MassTransit;

namespace Referrals.Messaging.Bus;

/// <summary>
/// Kebab-case queue names prefixed with the owning service (the second namespace segment), so that two services
/// consuming the same event each get their own queue: <c>Referrals.Notification.…ReferralSubmittedConsumer</c>
/// listens on <c>notification-referral-submitted</c>, not on a queue it would share with Eligibility.
/// </summary>
public sealed class ServiceEndpointNameFormatter : IEndpointNameFormatter
{
    private static readonly KebabCaseEndpointNameFormatter Plain = new(includeNamespace: false);

    public string Separator => Plain.Separator;

    public string TemporaryEndpoint(string tag) => Plain.TemporaryEndpoint(tag);

    public string Consumer<T>()
        where T : class, IConsumer => For(typeof(T)).Consumer<T>();

    public string Message<T>()
        where T : class => Plain.Message<T>();

    public string Saga<T>()
        where T : class, ISaga => For(typeof(T)).Saga<T>();

    public string ExecuteActivity<T, TArguments>()
        where T : class, IExecuteActivity<TArguments>
        where TArguments : class => For(typeof(T)).ExecuteActivity<T, TArguments>();

    public string CompensateActivity<T, TLog>()
        where T : class, ICompensateActivity<TLog>
        where TLog : class => For(typeof(T)).CompensateActivity<T, TLog>();

    public string SanitizeName(string name) => Plain.SanitizeName(name);

    public static string ServiceOf(Type type)
    {
        var segments = (type.Namespace ?? "").Split('.');
        return segments.Length > 1 ? segments[1].ToLowerInvariant() : "referrals";
    }

    private static KebabCaseEndpointNameFormatter For(Type type) => new(ServiceOf(type), includeNamespace: false);
}
