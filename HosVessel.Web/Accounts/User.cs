namespace HosVessel.Web.Accounts;

public static class Roles
{
    public const string Admin = "admin";
    public const string Viewer = "viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Viewer];

    public static bool IsKnown(string? role) => role is Admin or Viewer;
}

public sealed record User(long Id, string Username, string PasswordHash, string Role, string SecurityStamp, string CreatedAt);

/// <summary>The users page's page, bound from <c>?page=</c>.</summary>
public sealed record UserQuery([Microsoft.AspNetCore.Mvc.FromQuery(Name = Data.ListQuery.PageKey)] int Page = 1)
{
    public const int PageSize = 50;
}
