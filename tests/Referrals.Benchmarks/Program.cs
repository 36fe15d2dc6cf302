using Referrals.Benchmarks.Harness;

// scripts/bench.sh gateway|pipeline|all [--quick] — see docs/benchmarks.md.
return await BenchmarkHost.RunAsync(args);
