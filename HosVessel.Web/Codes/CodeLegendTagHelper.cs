using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace HosVessel.Web.Codes;

/// <summary>
/// <c>&lt;code-legend /&gt;</c>, under a list: each code the page's <c>&lt;code-name&gt;</c> tags showed, with its name
/// ("국적: KOR 대한민국 · PAN 파나마"). Renders nothing when the page showed no codes it can name.
/// </summary>
[HtmlTargetElement("code-legend", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CodeLegendTagHelper(CodeStore codes) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var book = await codes.NamesAsync(ViewContext.HttpContext.RequestAborted);
        // Unnamed codes are listed for admins, who can name them; for a viewer they would be a list of "이름 없음".
        var admin = ViewContext.HttpContext.User.IsInRole(Accounts.Roles.Admin);
        var groups = CodesShown.Of(ViewContext.HttpContext).ByKind()
            .Select(group => (group.Key, Codes: group.Where(code => admin || book.NameOf(group.Key, code) is not null).ToList()))
            .Where(group => group.Codes.Count > 0)
            .ToList();
        if (groups.Count == 0)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "dl";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "code-legend");
        output.Attributes.SetAttribute("aria-label", "이 페이지의 코드");
        foreach (var group in groups)
        {
            var title = new TagBuilder("dt");
            title.InnerHtml.Append(CodeKinds.Of(group.Key).Title);
            output.Content.AppendHtml(title);
            var list = new TagBuilder("dd");
            foreach (var code in group.Codes)
            {
                var name = book.NameOf(group.Key, code);
                var item = new TagBuilder("span");
                item.AddCssClass(name is null ? "code-legend-item code-unnamed" : "code-legend-item");
                var codeTag = new TagBuilder("span");
                codeTag.AddCssClass("code");
                codeTag.InnerHtml.Append(code);
                item.InnerHtml.AppendHtml(codeTag).Append(" " + (name ?? CodeNameBook.Unnamed));
                list.InnerHtml.AppendHtml(item);
            }
            output.Content.AppendHtml(list);
        }
    }
}
