using Referrals.Notification.Api;
using Xunit;

namespace Referrals.Notification.Tests.Api;

public sealed class PhoneMaskTests
{
    [Theory]
    [InlineData("+37120000001", "+371 2••• ••01")]
    [InlineData("+37129876543", "+371 2••• ••43")]
    [InlineData("+4915112345678", "+491 ••••••••78")]
    [InlineData("+123", "•••")]
    public void Shows_enough_to_recognise_the_number_and_no_more(string phone, string masked)
    {
        Assert.Equal(masked, PhoneMask.Mask(phone));
    }
}
