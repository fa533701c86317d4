using HosVessel.Web.Accounts;
using HosVessel.Web.Codes;
using HosVessel.Web.Vessels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HosVessel.Web.Pages.VesselPages;

[Authorize(Policy = AccountsExtensions.AdminPolicy)]
public sealed class NewModel(VesselStore store, CodeStore codes) : PageModel
{
    [BindProperty(Name = "")]
    public VesselFields Input { get; set; } = new();

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await store.CreateAsync(Input, cancellationToken);
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            return Page();
        }
        TempData.Success($"'{Input.Name?.Trim()}' 선박을 등록했습니다." +
            CodeRules.NewCodesNote(await codes.NewUnnamedAsync(Input.Cleaned(), cancellationToken)));
        return Redirect($"/vessel/{result.Id}");
    }
}
