using System.Linq.Expressions;
using System.Reflection;
using MassTransit;
using Referrals.Contracts.Intake;

namespace Referrals.Messaging.Bus;

/// <summary>Every contract with a <c>ReferralId</c> uses it as its CorrelationId, so one referral's messages and traces line up.</summary>
public static class MessageCorrelations
{
    private static int _done;

    public static void UseReferralIds()
    {
        if (Interlocked.Exchange(ref _done, 1) == 1)
        {
            return;
        }

        var method = typeof(MessageCorrelations).GetMethod(nameof(Use), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var type in typeof(ReferralSubmitted).Assembly.GetExportedTypes())
        {
            if (type.IsClass && type.GetProperty("ReferralId")?.PropertyType == typeof(Guid))
            {
                method.MakeGenericMethod(type).Invoke(null, null);
            }
        }
    }

    private static void Use<T>()
        where T : class
    {
        var parameter = Expression.Parameter(typeof(T));
        var body = Expression.Property(parameter, "ReferralId");
        var getter = Expression.Lambda<Func<T, Guid>>(body, parameter).Compile();
        MessageCorrelation.UseCorrelationId(getter);
    }
}
