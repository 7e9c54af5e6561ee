export const id = 418;
export const ids = [418];
export const modules = {

/***/ 9037:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (__WEBPACK_DEFAULT_EXPORT__)
/* harmony export */ });
// Build-time stand-in for the `jsonwebtoken` package (mapped in tsconfig.json `paths`).
/* harmony default export */ const __WEBPACK_DEFAULT_EXPORT__ = ({
    sign() {
        throw new Error('jsonwebtoken is not bundled with this action (src/stubs/jsonwebtoken.ts): certificate sign-in is unsupported.');
    },
});


/***/ })

};
