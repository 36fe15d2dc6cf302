namespace Referrals.Fuzz.Tests;
