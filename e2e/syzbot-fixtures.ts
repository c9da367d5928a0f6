// The bugs the e2e server's stand-in for syzbot serves (lib/testing/fake-syzbot.ts).
export const E2E_SYZBOT_BUGS = [
  {
    extid: "decf42d66dced481afc1",
    id: "cb1dbe55dc6daa7e739a0d09a0ae4d5e3e5a10c8",
    title: "WARNING in sk_destruct",
    xids: ["10073cd0700000"],
  },
];
export const syzbotOrigin = () => `http://127.0.0.1:${process.env.E2E_SYZBOT_PORT}`;
