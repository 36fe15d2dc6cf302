using System.Text.Json;
using Microsoft.Playwright;

namespace Referrals.Portal.Tests.Browser;

/// <summary>
/// axe-core (the npm package's axe.min.js, installed with <c>npm install -g axe-core</c> or named by AXE_CORE_JS),
/// injected into the page and run there. Only serious and critical violations fail a page.
/// </summary>
public static class AxeCore
{
    private static readonly string[] Candidates =
    [
        "/usr/lib/node_modules/axe-core/axe.min.js",
        "/usr/local/lib/node_modules/axe-core/axe.min.js",
        Path.Combine(AppContext.BaseDirectory, "node_modules", "axe-core", "axe.min.js"),
    ];

    public static string? Find() =>
        Environment.GetEnvironmentVariable("AXE_CORE_JS") is { Length: > 0 } configured && File.Exists(configured)
            ? configured
            : Candidates.FirstOrDefault(File.Exists);

    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, string script)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = script });
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
                const result = await axe.run(document, { resultTypes: ['violations'] });
                return result.violations.map(v => ({
                    id: v.id, impact: v.impact || '', help: v.help,
                    targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', ')
                }));
            }
            """);
        return violations.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at {v.GetProperty("targets").GetString()}")
            .ToList();
    }
}
