using HosVessel.Tests.Infrastructure;

namespace HosVessel.Tests.Pages.Voyage;

/// <summary>The admin API reference runs inline script, so it proves its relaxed CSP in a real browser.</summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class ApiReferenceBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_sees_the_API_reference_rendered_by_its_own_script()
    {
        var page = await browser.LoginAsync(HosVesselFactory.AdminUsername, HosVesselFactory.AdminPassword);
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                blocked.Add(message.Text);
            }
        };

        await page.GotoAsync("/scalar/");

        // Scalar renders the document client-side, so these appear only if its inline script ran.
        await page.GetByText("Voyage feed").First.WaitForAsync();
        await page.GetByText("/api/vessels/{imo}").First.WaitForAsync();

        Assert.Empty(blocked);
    }
}
