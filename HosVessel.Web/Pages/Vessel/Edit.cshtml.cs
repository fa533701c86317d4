using HosVessel.Web.Accounts;
using HosVessel.Web.Codes;
using HosVessel.Web.Vessels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HosVessel.Web.Pages.VesselPages;

[Authorize(Policy = AccountsExtensions.AdminPolicy)]
public sealed class EditModel(VesselStore store, CodeStore codes) : PageModel
{
    [BindProperty(Name = "")]
    public VesselFields Input { get; set; } = new();

    public Vessel Vessel { get; private set; } = new();

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.FindByIdAsync(id, cancellationToken) is not { } vessel)
        {
            return NotFound();
        }
        Vessel = vessel;
        Input = vessel.ToFields();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.FindByIdAsync(id, cancellationToken) is not { } vessel)
        {
            return NotFound();
        }
        Vessel = vessel;
        var result = await store.UpdateAsync(id, Input, cancellationToken);
        if (result.IsNotFound)
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            return Page();
        }
        TempData.Success($"'{Input.Name?.Trim()}' 선박 정보를 저장했습니다." +
            CodeRules.NewCodesNote(await codes.NewUnnamedAsync(Input.Cleaned(), cancellationToken)));
        return Redirect($"/vessel/{id}");
    }
}
