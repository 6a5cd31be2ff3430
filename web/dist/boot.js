import init from "/pkg/web.js";
init();
