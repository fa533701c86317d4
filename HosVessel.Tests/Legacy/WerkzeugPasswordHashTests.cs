using HosVessel.Web.Accounts;
using HosVessel.Web.Legacy;

namespace HosVessel.Tests.Legacy;

public sealed class WerkzeugPasswordHashTests
{
    [Theory]
    [InlineData(WerkzeugVectors.Pbkdf2260kHash, WerkzeugVectors.Pbkdf2260kPassword)]
    [InlineData(WerkzeugVectors.Pbkdf2600kHash, WerkzeugVectors.Pbkdf2600kPassword)]
    [InlineData(WerkzeugVectors.ScryptViewerHash, WerkzeugVectors.ScryptViewerPassword)]
    public void Hashes_made_by_python_verify_with_their_password_and_ask_for_a_rehash(string hash, string password)
    {
        Assert.Equal(PasswordCheck.ValidNeedsRehash, WerkzeugPasswordHash.Verify(hash, password));
        Assert.Equal(PasswordCheck.Invalid, WerkzeugPasswordHash.Verify(hash, password + "x"));
    }

    [Theory]
    [InlineData("pbkdf2:sha256:260000$salt")]
    [InlineData("pbkdf2:sha256:260000$salt$zz")]
    [InlineData("pbkdf2:sha256:abc$salt$bc4974154a19aaf4fcd21176c2be4fcaf5b1800487c65e88eabb472d42d24b26")]
    [InlineData("pbkdf2:md5:1000$salt$bc4974154a19aaf4fcd21176c2be4fcaf5b1800487c65e88eabb472d42d24b26")]
    [InlineData("pbkdf2:sha256:260000$salt$bc49")]
    [InlineData("pbkdf2:sha256:2000000000$salt$bc4974154a19aaf4fcd21176c2be4fcaf5b1800487c65e88eabb472d42d24b26")]
    [InlineData("scrypt:32768:8$salt$00")]
    [InlineData("scrypt:30000:8:1$salt$e58f2a08c28fba3830144ab9347df46fda03f53e8c9c7efd93049ce664bd8320fbc20b0429a934d8c8aa0bbefff4fedf35ba491231d833f8c1f8fa2f8efffa73")]
    [InlineData("scrypt:2097152:8:1$salt$e58f2a08c28fba3830144ab9347df46fda03f53e8c9c7efd93049ce664bd8320fbc20b0429a934d8c8aa0bbefff4fedf35ba491231d833f8c1f8fa2f8efffa73")]
    [InlineData("scrypt:32768:8:1000$salt$e58f2a08c28fba3830144ab9347df46fda03f53e8c9c7efd93049ce664bd8320fbc20b0429a934d8c8aa0bbefff4fedf35ba491231d833f8c1f8fa2f8efffa73")]
    [InlineData("sha256$salt$abc")]
    public void Garbled_or_absurdly_expensive_hashes_are_an_unknown_format_not_an_exception(string hash)
    {
        Assert.Equal(PasswordCheck.UnknownFormat, WerkzeugPasswordHash.Verify(hash, "anything"));
    }

    [Fact]
    public void AccountPasswords_sends_werkzeug_hashes_here_and_garbage_to_unknown_format()
    {
        var passwords = new AccountPasswords();
        User With(string hash) => new(1, "u", hash, Roles.Viewer, "s", "c");
        Assert.Equal(PasswordCheck.ValidNeedsRehash, passwords.Verify(With(WerkzeugVectors.ScryptAdminHash), WerkzeugVectors.ScryptAdminPassword));
        Assert.Equal(PasswordCheck.UnknownFormat, passwords.Verify(With("scrypt:garbage"), "x"));
        Assert.Equal(PasswordCheck.Valid, passwords.Verify(With(passwords.Hash("new-pass")), "new-pass"));
    }
}
