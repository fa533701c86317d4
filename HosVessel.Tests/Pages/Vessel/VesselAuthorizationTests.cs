using HosVessel.Tests.Infrastructure;
using HosVessel.Tests.Vessels;
using HosVessel.Web.Vessels;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Pages.Vessel;

/// <summary>Every admin endpoint of the register, tried by a viewer and by an anonymous visitor: none may succeed.</summary>
public sealed class VesselAuthorizationTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    private VesselStore Store => factory.Services.GetRequiredService<VesselStore>();

    public static TheoryData<string> AdminPages => new() { "/vessel/new", "/vessel/{id}/edit", "/vessel/import" };

    public static TheoryData<string> AdminPosts => new() { "/vessel/new", "/vessel/{id}/edit", "/vessel/{id}/delete", "/vessel/import" };

    private async Task<(long Id, VesselFields Fields)> CreateAsync()
    {
        var fields = VesselSamples.Valid();
        return ((await Store.CreateAsync(fields)).Id!.Value, fields);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Viewer_get_of_an_admin_page_is_denied(string url)
    {
        var (id, _) = await CreateAsync();
        var viewer = await factory.LoginAsViewerAsync();

        var response = await viewer.GetAsync(url.Replace("{id}", id.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery);
        var denied = await viewer.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("접근 권한이 없습니다.", await denied.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Anonymous_get_of_an_admin_page_goes_to_login(string url)
    {
        var (id, _) = await CreateAsync();

        var response = await factory.CreateBrowserClient().GetAsync(url.Replace("{id}", id.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(AdminPosts))]
    public async Task Viewer_post_to_an_admin_endpoint_changes_nothing(string url)
    {
        var (id, fields) = await CreateAsync();
        var viewer = await factory.LoginAsViewerAsync();
        var form = VesselSamples.Form(VesselSamples.Valid());

        var response = await viewer.PostFormAsync(url.Replace("{id}", id.ToString()), form, formPageUrl: "/vessel/list");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery);
        Assert.Equal(fields.Name, (await Store.FindByIdAsync(id))?.Name);
        Assert.Null(await Store.FindByImoAsync(form["imo_no"]));
    }

    [Theory]
    [MemberData(nameof(AdminPosts))]
    public async Task Anonymous_post_to_an_admin_endpoint_changes_nothing(string url)
    {
        var (id, fields) = await CreateAsync();
        var form = VesselSamples.Form(VesselSamples.Valid());

        var response = await factory.CreateBrowserClient().PostFormAsync(url.Replace("{id}", id.ToString()), form, formPageUrl: "/login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
        Assert.Equal(fields.Name, (await Store.FindByIdAsync(id))?.Name);
        Assert.Null(await Store.FindByImoAsync(form["imo_no"]));
    }

    [Fact]
    public async Task Anonymous_visitors_cannot_see_the_list_or_a_vessel()
    {
        var (id, _) = await CreateAsync();
        var client = factory.CreateBrowserClient();

        foreach (var url in new[] { "/vessel/list", $"/vessel/{id}", "/vessel/list?handler=csv" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task Admin_post_without_an_antiforgery_token_is_rejected()
    {
        var (id, _) = await CreateAsync();
        var admin = await factory.LoginAsAdminAsync();

        var response = await admin.PostAsync($"/vessel/{id}/delete", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(await Store.FindByIdAsync(id));
    }
}
