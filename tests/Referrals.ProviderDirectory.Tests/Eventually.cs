namespace Referrals.ProviderDirectory.Tests;

/// <summary>Waits for an eventually consistent outcome (messages travel through the bus), failing with a clear message.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, Func<T, bool> done, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        T? last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await probe();
            if (last is not null && done(last))
            {
                return last;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Timed out waiting for {what}; last seen: {System.Text.Json.JsonSerializer.Serialize(last)}");
    }
}
